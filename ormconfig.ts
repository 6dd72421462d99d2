import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadDotenv } from './src/config/load-dotenv';
import { loadConfig } from './src/config/app-config';
import { dataSourceOptions } from './src/shared/persistence/data-source-options';

/** DataSource for the TypeORM CLI (`npm run migration:run`, `migration:revert`, `migration:generate`). */
loadDotenv();
const config = loadConfig();

export default new DataSource({
  ...dataSourceOptions({ url: config.databaseUrl }),
  entities: [__dirname + '/src/modules/**/*.orm-entity.{ts,js}'],
});
