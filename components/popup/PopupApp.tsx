import { CurrentTabCard } from './CurrentTabCard';
import { EtsyConnectionCard } from './EtsyConnectionCard';

export function PopupApp() {
  return (
    <main className="page page--popup">
      <h1 className="page__title">Etsy SEO Copilot</h1>
      <EtsyConnectionCard />
      <CurrentTabCard />
    </main>
  );
}
