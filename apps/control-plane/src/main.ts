import { ConfigError, loadConfigFromEnv } from './config/config';
import { createApp, StartupError } from './bootstrap';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfigFromEnv();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`parallax control plane: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  try {
    const app = await createApp(config);
    await app.listen(config.port, '0.0.0.0');
  } catch (e) {
    if (e instanceof StartupError) {
      process.stderr.write(`parallax control plane: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}

void main();
