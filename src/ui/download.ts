// Saves text as a file through the browser's download.
import { h } from './dom';

export function download(filename: string, text: string, type: string) {
  const a = h('a', { href: URL.createObjectURL(new Blob([text], { type })), download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
