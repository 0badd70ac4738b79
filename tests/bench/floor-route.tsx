// The benchmark's "stack floor" pages (`npm run bench`; built only when BENCH_FLOOR is set, see
// remix.config.js): what any signed-in page of this stack costs, measured beside the real ones.
//   /_bench/floor?rows=0  the signed-in shell alone: root loader (session, name, unread count),
//                          header and navigation, and an empty main;
//   /_bench/floor         the same with the inbox page 1 of whoever asks first (the benchmark's
//                          ward leader): the inbox loader's own data, read once per process and
//                          then with no query of its own (only the session check of every
//                          page), handed to the browser like any loader's, and its 25 rows
//                          written as bare elements (no components, filters or pagination).
// A page that does more than the floor cannot be faster than it, so the floor's ratio to the
// sign-in page bounds what the list budgets can ask of this stack.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { loader as inboxLoader } from "~/routes/sang-kien._index";
import { requireSession } from "~/utils/request.server";

type InboxData = Awaited<ReturnType<Awaited<ReturnType<typeof inboxLoader>>["json"]>>;
let inbox: InboxData | undefined;

export async function loader(args: LoaderFunctionArgs) {
  await requireSession(args.request);
  const url = new URL(args.request.url);
  if (url.searchParams.get("rows") === "0") return json({ rows: [] as InboxData["list"]["rows"] });
  url.search = "?xem=tiep-nhan";
  inbox ??= await (await inboxLoader({ ...args, request: new Request(url, { headers: args.request.headers }) })).json();
  return json(inbox.list);
}

export default function StackFloor() {
  const { rows } = useLoaderData<typeof loader>();
  return (
    <main id="main">
      <h1>Đơn đăng ký gửi đến</h1>
      <table className="initiative-table">
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="mono">{r.registrationNumber}</td>
              <td>
                <a href={`/sang-kien/${r.id}`}>{r.title}</a>
              </td>
              <td>{r.kind}</td>
              <td>{r.creatorGivenName}</td>
              <td>{r.receivingOrgName}</td>
              <td>{r.submittedAt}</td>
              <td>{r.decisionDueOn}</td>
              <td>
                <strong className="tag">{r.status}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
