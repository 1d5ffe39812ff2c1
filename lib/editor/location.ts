/**
 * Calls `onChange` with the new address whenever the tab's URL changes, including Etsy's
 * in-page (pushState) navigation, which no document load announces. Uses the Navigation API
 * where the browser has it, else checks twice a second.
 */
export function watchLocation(onChange: (href: string) => void): void {
  let last = location.href;
  const check = () => {
    if (location.href === last) return;
    last = location.href;
    onChange(last);
  };
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation) navigation.addEventListener('currententrychange', check);
  else setInterval(check, 500);
  window.addEventListener('popstate', check);
}
