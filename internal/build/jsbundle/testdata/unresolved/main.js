import { missing } from './nowhere.js';
import { gone } from './also-gone.js';
console.log(missing, gone);
