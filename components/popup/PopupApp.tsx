import { CurrentTabCard } from './CurrentTabCard';
import { EtsyConnectionCard } from './EtsyConnectionCard';
import { ModelStatus } from './ModelStatus';

export function PopupApp() {
  return (
    <main className="page page--popup">
      <h1 className="page__title">Etsy SEO Copilot</h1>
      <EtsyConnectionCard />
      <section className="card" aria-labelledby="model-heading">
        <h2 id="model-heading" className="card__title">
          Suggestions model
        </h2>
        <ModelStatus />
      </section>
      <CurrentTabCard />
    </main>
  );
}
