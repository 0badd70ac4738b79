// The one time a generated temporary password is shown: large, readable, with what to do next.
import { useT } from "~/i18n/use-t";

export function TemporaryPasswordPanel({ title, username, password }: { title: string; username: string; password: string }) {
  const t = useT();
  return (
    <>
      <div className="panel" role="status">
        <h1>{title}</h1>
        <p>{t("people.temp.username", { username })}</p>
        <p>{t("people.temp.passwordLabel")}</p>
        <p className="panel__big mono temp-password">{password}</p>
      </div>
      <div className="banner banner--warning">
        <h2>{t("people.temp.onceTitle")}</h2>
        <p>{t("people.temp.once")}</p>
        <p>{t("people.temp.handOver")}</p>
      </div>
    </>
  );
}
