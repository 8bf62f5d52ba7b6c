// Svelte's defaults: TypeScript in components is handled by vite-plugin-svelte.
export default {};
