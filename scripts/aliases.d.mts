export declare const PARLEY_ENTRIES: Record<string, string>;
export declare const parleyAliases: { find: RegExp; replacement: string }[];
