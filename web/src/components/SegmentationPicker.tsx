import { useSession } from '../context.js';
import { useApi } from '../use-api.js';
import { Load } from './Load.js';

interface Listing {
  items: { name: string; segments: number }[];
}

/** The segmentations of the latest run as a labelled select (`data-testid="segmentation"`). */
export function SegmentationPicker({ value, onChange }: { value: string; onChange: (name: string) => void }) {
  const { t } = useSession();
  const list = useApi<Listing>('/v1/segmentations');
  return (
    <Load loaded={list}>
      {(l) => (
        <label>
          {t('Segmentation')}{' '}
          <select data-testid="segmentation" value={value} onChange={(e) => onChange(e.target.value)}>
            {l.items.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name} ({s.segments})
              </option>
            ))}
          </select>
        </label>
      )}
    </Load>
  );
}
