import { sqliteCase } from './backends.js';
import { describeStoreContract } from './contract.js';

describeStoreContract(sqliteCase);
