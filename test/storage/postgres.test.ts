import { postgresCase } from './backends.js';
import { describeStoreContract } from './contract.js';

describeStoreContract(postgresCase);
