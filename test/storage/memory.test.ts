import { memoryCase } from './backends.js';
import { describeStoreContract } from './contract.js';

describeStoreContract(memoryCase);
