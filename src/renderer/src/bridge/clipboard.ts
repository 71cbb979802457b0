import { veza } from './veza';

/** Puts text on the system clipboard through main; answers whether it worked. */
export async function copyText(text: string): Promise<boolean> {
  const result = await veza.invoke('clipboard.writeText', { text });
  return result.ok;
}
