import { setProjectAnnotations } from '@storybook/web-components-vite';
import * as a11yAnnotations from '@storybook/addon-a11y/preview';
import * as projectAnnotations from './preview';

// The story tests run with the same decorators, parameters and a11y checks as Storybook itself.
setProjectAnnotations([a11yAnnotations, projectAnnotations]);
