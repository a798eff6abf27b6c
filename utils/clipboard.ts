/**
 * Copy text to the clipboard from a click: the asynchronous Clipboard API first; where a page's
 * permissions policy refuses it to the card's frame, the older copy command on a hidden
 * textarea. False when both are refused: the caller shows the text to copy by hand.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyWithCommand(text);
  }
}

function copyWithCommand(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  try {
    // Deprecated, but the one way left when the Clipboard API is blocked in a frame.
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
