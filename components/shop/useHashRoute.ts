import { useEffect, useState } from 'react';

export type ShopRoute =
  { page: 'audit'; listingKey: string | null } | { page: 'not-found'; path: string };

/** The shop page's routes live in the URL's hash: #/ and #/listing/<key>. */
function parseShopRoute(hash: string): ShopRoute {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/') return { page: 'audit', listingKey: null };
  const listing = /^\/listing\/([\w:.%-]+)$/.exec(path);
  if (listing) return { page: 'audit', listingKey: decodeURIComponent(listing[1]!) };
  return { page: 'not-found', path };
}

export function useHashRoute(): [ShopRoute, (hash: string) => void] {
  const [route, setRoute] = useState(() => parseShopRoute(location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseShopRoute(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  return [route, (hash) => (location.hash = hash)];
}
