export declare const DEBIAN_CHROMIUM: string;
export declare const MISSING_CHROMIUM_MESSAGE: string;
export declare const CHROMIUM_ARGS: string[];
export declare function findChromium(): string | undefined;
export declare function resolveChromium(options?: {
  install?: boolean;
  exitOnMissing?: boolean;
}): string | undefined;
