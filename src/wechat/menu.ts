/**
 * The account's custom menu (自定义菜单): 开始自测 / 申报材料 / 重新开始, each a `click` button whose key the
 * channel handles (`conversation.ts`). `npm run wechat:menu` prints it; `--apply` posts it to the platform.
 */

/** The click keys the channel understands. */
export const MENU_KEYS = {
  start: 'PA_START',
  checklist: 'PA_CHECKLIST',
  restart: 'PA_RESTART',
} as const;

/** The menu, as `/cgi-bin/menu/create` takes it. */
export function customMenu() {
  return {
    button: [
      { type: 'click', name: '开始自测', key: MENU_KEYS.start },
      { type: 'click', name: '申报材料', key: MENU_KEYS.checklist },
      { type: 'click', name: '重新开始', key: MENU_KEYS.restart },
    ],
  };
}
