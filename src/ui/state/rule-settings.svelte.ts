import type { OpenWorkspace } from '../../app/open-workspace';
import { ruleSetVersion } from '../../domain/rules/settings';
import type { ScreeningSettings } from '../../domain/rules/types';
import { ActionState } from './action.svelte';

/** Indstillinger → Regler i screeningen: the workspace's rule settings, edited in place and saved whole. */
export class RuleSettingsState extends ActionState {
  settings = $state<ScreeningSettings | undefined>();
  saved = $state('');

  constructor(private readonly workspace: OpenWorkspace) {
    super();
  }

  async load(): Promise<void> {
    await this.act(async () => (this.settings = await this.workspace.screeningSettings()));
  }

  async save(): Promise<void> {
    if (!this.settings) return;
    const snapshot = $state.snapshot(this.settings) as ScreeningSettings;
    this.saved = '';
    const done = await this.act(async () => {
      await this.workspace.saveScreeningSettings(snapshot);
      return true;
    });
    if (done) this.saved = `Gemt. Næste screening bruger regelsæt ${ruleSetVersion(snapshot)}.`;
  }
}
