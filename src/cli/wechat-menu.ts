/**
 * `npm run wechat:menu` prints the account's custom menu (开始自测 / 申报材料 / 重新开始) as the JSON the platform
 * takes; `npm run wechat:menu -- --apply` posts it to WECHAT_API_ROOT's `/cgi-bin/menu/create` with the access
 * token of WECHAT_APP_ID and WECHAT_APP_SECRET (cached in the session store like the channel's: Redis when
 * REDIS_URL is set). Errors print one line and exit 1 (2 for a configuration error).
 */
import { loadConfigOrExit } from '../server/config.js';
import { createSessionStore } from '../store/index.js';
import { customMenu, WechatApi } from '../wechat/index.js';

const menu = customMenu();
process.stdout.write(`${JSON.stringify(menu, null, 2)}\n`);

if (process.argv.includes('--apply')) {
  const config = loadConfigOrExit();
  const wechat = config.wechat;
  if (!wechat?.appId || !wechat.appSecret) {
    process.stderr.write('--apply needs WECHAT_TOKEN, WECHAT_APP_ID and WECHAT_APP_SECRET\n');
    process.exit(2);
  }
  const store = await createSessionStore(config.redisUrl ? { redisUrl: config.redisUrl } : {});
  try {
    await new WechatApi({ apiRoot: wechat.apiRoot, appId: wechat.appId, appSecret: wechat.appSecret, store }).createMenu(menu);
    process.stderr.write(`Menu created for ${wechat.appId}.\n`);
  } catch (error) {
    process.stderr.write(`Cannot create the menu: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  } finally {
    await store.close();
  }
}
