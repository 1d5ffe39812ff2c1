import { CurrentTabCard } from './CurrentTabCard';
import type { PopupQuestions } from './early';
import { EtsyConnectionCard } from './EtsyConnectionCard';
import { ModelStatus } from './ModelStatus';

export function PopupApp({ questions }: { questions: PopupQuestions }) {
  return (
    <main className="page page--popup">
      <h1 className="page__title">Etsy SEO Copilot</h1>
      <EtsyConnectionCard stored={questions.connection} />
      <section className="card" aria-labelledby="model-heading">
        <h2 id="model-heading" className="card__title">
          Suggestions model
        </h2>
        <ModelStatus asked={questions.model} />
      </section>
      <CurrentTabCard />
    </main>
  );
}
