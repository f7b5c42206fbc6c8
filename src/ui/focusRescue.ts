// When the focused control disappears under the player's hand (a button that did its job and is
// gone, a panel redrawn for the next step), the focus would fall to the page's body and the next
// Tab would start from the top. This moves it to the screen's next action instead.
import { focusNextAction } from './overlays';

/** How long a redraw may take before the lost focus is looked at. */
const SETTLE_MS = 60;

export function installFocusRescue(doc: Document): () => void {
  const onOut = (e: FocusEvent) => {
    if (e.relatedTarget) return;
    const lost = e.target;
    if (!(lost instanceof HTMLElement)) return;
    setTimeout(() => {
      const now = doc.activeElement;
      if (now && now !== doc.body) return;
      // Still there and usable: the player clicked elsewhere on purpose.
      if (lost.isConnected && lost.offsetParent !== null && !lost.hasAttribute('disabled')) return;
      focusNextAction();
    }, SETTLE_MS);
  };
  doc.addEventListener('focusout', onOut);
  return () => doc.removeEventListener('focusout', onOut);
}
