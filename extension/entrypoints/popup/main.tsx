import { render } from 'preact';
import '../../ui/theme.css';
import { PopupApp } from './popup-app';

const root = document.getElementById('app');
if (root) render(<PopupApp />, root);
