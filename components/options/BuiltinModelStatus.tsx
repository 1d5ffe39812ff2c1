import { useEffect, useState } from 'react';
import {
  builtinAvailability,
  downloadBuiltinModel,
  type BuiltinAvailability,
} from '@/lib/llm/providers/builtin';
import { userErrorFromModel } from '@/lib/llm/errors';

const DESCRIPTIONS: Record<BuiltinAvailability | 'unsupported', string> = {
  unsupported:
    'Not available: this browser has no built-in model (it needs Chrome 138 or later on a supported computer).',
  unavailable:
    'Not available on this computer (Chrome’s hardware or disk requirements are not met).',
  downloadable: 'Available after a one-time download (about 2 GB).',
  downloading: 'Downloading…',
  available: 'Ready.',
};

/** Chrome's built-in model: its real availability, and the download (which needs this click). */
export function BuiltinModelStatus() {
  const [availability, setAvailability] = useState<BuiltinAvailability | 'unsupported' | null>(
    null,
  );
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState('');

  useEffect(() => {
    void builtinAvailability().then(setAvailability);
  }, []);

  const download = async () => {
    setProblem('');
    setAvailability('downloading');
    try {
      await downloadBuiltinModel(setProgress);
    } catch (error) {
      setProblem(userErrorFromModel(error).message);
    }
    setAvailability(await builtinAvailability());
  };

  if (!availability) return null;
  return (
    <div className="field">
      <span className="field__label">Availability</span>
      <span data-testid="builtin-availability">
        {DESCRIPTIONS[availability]}
        {availability === 'downloading' && progress !== null
          ? ` ${Math.round(progress * 100)}%`
          : ''}
      </span>
      {availability === 'downloadable' ? (
        <button type="button" className="button button--small" onClick={() => void download()}>
          Download Chrome’s model
        </button>
      ) : null}
      {problem ? <p className="notice notice--error">{problem}</p> : null}
    </div>
  );
}
