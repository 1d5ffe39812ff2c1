import { FAKE_OPENAI_KEY } from '../../peers/openai';

/** OpenAI-compatible API keys the E2E specs type into the options page. None may ship or leak. */
export const OPENAI_TEST_KEYS = {
  right: 'sk-sec-e2e-0123456789abcdefXYZ',
  wrong: 'sk-sec-e2e-wrong-9876543210zyx',
  pageProbe: 'sk-sec-page-probe',
  /** model.e2e.ts: the fake server's default key, a wrong one, and one for an unreachable server. */
  modelSpec: [FAKE_OPENAI_KEY, 'sk-test-wrong', 'sk-anything'],
};

export const ALL_OPENAI_TEST_KEYS = [
  OPENAI_TEST_KEYS.right,
  OPENAI_TEST_KEYS.wrong,
  OPENAI_TEST_KEYS.pageProbe,
  ...OPENAI_TEST_KEYS.modelSpec,
];
