import { redisCase } from './backends.js';
import { describeStoreContract } from './contract.js';

describeStoreContract(redisCase);
