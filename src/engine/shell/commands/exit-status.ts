/** true and false: they ignore their arguments and only succeed or fail. */
import type { Program } from '../../process';

export const trueProgram: Program = async () => 0;
export const falseProgram: Program = async () => 1;
