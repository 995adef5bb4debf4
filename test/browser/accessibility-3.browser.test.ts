import { describeAccessibility } from './support/accessibility-suite';

describeAccessibility(2, 4);
