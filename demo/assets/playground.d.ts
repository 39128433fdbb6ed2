// Types for the plain-JS playground module, for the Storybook story that mounts it.
export interface PlaygroundExample {
  label: string;
  url?: string;
  config?: unknown;
}
export interface PlaygroundOptions {
  examples?: Record<string, PlaygroundExample[]>;
  bundleBase?: string;
  schemaBase?: string;
  delay?: number;
}
export interface Playground {
  ready: Promise<void>;
  setJson(text: string): void;
  element(): HTMLElement | null;
  destroy(): void;
}
export const EXAMPLES: Record<string, PlaygroundExample[]>;
export function mountPlayground(root: HTMLElement, options?: PlaygroundOptions): Playground;
export function embedSnippet(options: { tag: string; config: unknown; theme?: string; bundleBase: string; classic?: boolean }): string;
export function scriptSafeJson(value: unknown): string;
