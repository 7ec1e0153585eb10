import { render } from 'preact';
import '../shared/ui/theme.css';
import './playground.css';
import { PlaygroundApp } from './playground-app';
import { detectExtension } from './detect-extension';

const root = document.getElementById('app');
if (root) {
  void detectExtension(window).then((extension) => render(<PlaygroundApp extension={extension} />, root));
}
