/**
 * Serves the embeddable widget (`/widget.js`). Placeholder until the widget is built.
 */
import { Router } from 'express';

/** Routes that serve the widget bundle. */
export function widgetRoutes(): Router {
  return Router();
}
