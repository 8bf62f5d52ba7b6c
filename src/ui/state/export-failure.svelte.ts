/** The last export that failed, in Danish, shown at the top of every page (App.svelte) until the next export starts. */
export const exportFailure = $state<{ message: string }>({ message: '' });
