/**
 * The names both ends of the panel's bridge agree on. A module of its own, so the content
 * script's loader (on every Shop Manager page) takes these without the bridge's schemas.
 */
export const PANEL_PAGE = '/panel.html';
const PANEL_PORT_PREFIX = 'panel-bridge:';
/** The port's name carries the token in the frame's URL: the content script serves only its own frame. */
export const panelPortName = (token: string) => `${PANEL_PORT_PREFIX}${token}`;
export const isPanelPortName = (name: string) => name.startsWith(PANEL_PORT_PREFIX);
