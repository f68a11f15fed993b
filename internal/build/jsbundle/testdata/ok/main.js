import { greet } from './greet.js';

window.greeting = greet(NAME);
