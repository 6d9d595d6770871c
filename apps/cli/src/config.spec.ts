import { loadCliEnv } from './config';

describe('loadCliEnv', () => {
  it('is a frozen copy of the environment it is given, every variable kept (files name any)', () => {
    const source: NodeJS.ProcessEnv = { PARALLAX_URL: 'http://cp:3000', API_TOKEN: 't0k' };
    const env = loadCliEnv(source);
    expect(env).toEqual(source);
    expect(Object.isFrozen(env)).toBe(true);
    source.API_TOKEN = 'changed';
    expect(env.API_TOKEN).toBe('t0k');
  });
});
