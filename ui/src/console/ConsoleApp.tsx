import { App as AntApp, ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import { useState } from "react";
import { THEME } from "../AppProviders";
import { routeRoles, type OpenApiDocument, type RouteRoles } from "./access";
import { ConsoleSession, deviceId, PATHS } from "./http";
import { pagesFor } from "./pages";
import { SignInPage } from "./SignInPage";
import { Shell } from "./Shell";

interface Signed {
  session: ConsoleSession;
  roles: RouteRoles;
}

async function signIn(username: string, password: string): Promise<Signed> {
  const device = deviceId(window.localStorage, (b) => crypto.getRandomValues(b));
  const session = await ConsoleSession.signIn(username, password, device);
  const document = await session.get<OpenApiDocument>(PATHS.openapi);
  const roles = routeRoles(document);
  if (pagesFor(roles, session.user.role).length === 0) {
    await session.signOut();
    throw new Error("您的账号没有可用的控制台功能。经纪人、团队长和营业部负责人请使用经纪人工作台。");
  }
  return { session, roles };
}

/** Head office's console: sign-in, then the pages the signed-in role may use. */
export function ConsoleApp() {
  const [signed, setSigned] = useState<Signed | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const signOut = (why: string | null) => {
    if (signed) void signed.session.signOut();
    setSigned(null);
    setNotice(why);
  };

  return (
    <ConfigProvider locale={zhCN} theme={THEME} button={{ autoInsertSpace: false }}>
      <AntApp>
        {signed ? (
          <Shell session={signed.session} roles={signed.roles} onSignOut={signOut} />
        ) : (
          <SignInPage
            notice={notice}
            onSubmit={async (username, password) => {
              setSigned(await signIn(username, password));
              setNotice(null);
            }}
          />
        )}
      </AntApp>
    </ConfigProvider>
  );
}
