export declare const PARLEY_ENTRIES: Record<string, string>;
export declare const parleyAliases: { find: RegExp; replacement: string }[];
export declare const parleyDistAliases: { find: RegExp; replacement: string }[];
export declare function builtFile(source: string): string;
