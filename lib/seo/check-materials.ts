import type { Finding } from './findings';
import { finding, itemSpan } from './rules';
import { normalizeText } from './text';
import { MATERIAL_INVALID_CHAR, repairMaterial } from './validity';

export function checkMaterials(materials: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  materials.forEach((raw, index) => {
    const text = normalizeText(raw).trim();
    if (text === '' || !MATERIAL_INVALID_CHAR.test(text)) return;
    const fixed = repairMaterial(text);
    findings.push(
      finding(
        'M1',
        `Etsy materials may only contain letters, numbers and spaces, so "${text}" will be rejected.` +
          (fixed ? ` Try "${fixed}".` : ''),
        itemSpan(index, text),
      ),
    );
  });
  return findings;
}
