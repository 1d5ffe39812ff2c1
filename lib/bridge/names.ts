/**
 * The names both ends of the panel's bridge agree on. A module of its own, so the content
 * script's loader (on every Shop Manager page) takes these without the bridge's schemas.
 */
export const PANEL_PAGE = '/panel.html';
export const PANEL_PORT_NAME = 'panel-bridge';
