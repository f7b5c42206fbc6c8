// The same round cycle as the machine, driven by calling the engine's functions directly (the
// AI's SimTable, from a new game). The benchmark compares the two, and a test checks that both
// reach the same state hash.
import { SimTable } from '../ai/play';
import { openingState, type Scenario } from '../engine';

export class DirectTable extends SimTable {
  constructor(scenario: Scenario, seed: number) {
    super(scenario, openingState(scenario, seed));
  }
}
