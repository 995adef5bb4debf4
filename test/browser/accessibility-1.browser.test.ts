import { describeAccessibility } from './support/accessibility-suite';

describeAccessibility(0, 4);
