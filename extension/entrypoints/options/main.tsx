import { render } from 'preact';
import '../../../shared/ui/theme.css';
import { OptionsApp } from './options-app';

const root = document.getElementById('app');
if (root) render(<OptionsApp />, root);
