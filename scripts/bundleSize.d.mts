export interface AppSpec {
  readonly label: string;
  readonly code: string;
  readonly budgetKb?: number;
  readonly adds?: string;
  readonly forbidden?: readonly string[];
}
export interface Measured extends AppSpec {
  /** min+gzip at start, in kB (for `adds`: what it adds to that app). */
  readonly measuredKb: number;
  readonly startKb: number;
  readonly lazyKb: number;
  /** Minified bytes at start, by package (`parley` for the package itself). */
  readonly packages: Map<string, number>;
  readonly pulledIn: readonly string[];
  readonly ok: boolean;
}
export declare const APPS: Record<string, AppSpec>;
export declare function measureApp(code: string): Promise<{ startKb: number; lazyKb: number; packages: Map<string, number> }>;
export declare function measureAll(): Promise<Record<string, Measured>>;
