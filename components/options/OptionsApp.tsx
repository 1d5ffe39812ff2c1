import { EtsyAppSettings } from './EtsyAppSettings';
import { ModelSettingsForm } from './ModelSettingsForm';

export function OptionsApp() {
  return (
    <main className="page page--options">
      <h1 className="page__title">Etsy SEO Copilot settings</h1>
      <EtsyAppSettings />
      <ModelSettingsForm />
    </main>
  );
}
