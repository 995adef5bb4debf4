import { describeAccessibility } from './support/accessibility-suite';

describeAccessibility(3, 4);
