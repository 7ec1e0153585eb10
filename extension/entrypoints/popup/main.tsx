import { render } from 'preact';
import '../../../shared/ui/theme.css';
import { PopupApp } from './popup-app';

const root = document.getElementById('app');
if (root) render(<PopupApp />, root);
