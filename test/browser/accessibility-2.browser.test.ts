import { describeAccessibility } from './support/accessibility-suite';

describeAccessibility(1, 4);
