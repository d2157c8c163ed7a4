import type { Metadata } from "next";
import Link from "next/link";
import { listSpeakers } from "@/db/queries/speakers";
import { requirePageUser } from "@/lib/auth/session";
import { Tally } from "@/app/_components/status";

export const metadata: Metadata = { title: "Speakers" };

export default async function SpeakersPage() {
  await requirePageUser("/speakers");
  const speakers = await listSpeakers();
  return (
    <>
      <h1>Speakers</h1>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Also known as</th>
            <th scope="col">Claims</th>
          </tr>
        </thead>
        <tbody>
          {speakers.map((s) => (
            <tr key={s.id}>
              <td>
                <Link href={`/speakers/${s.id}`}>{s.name}</Link>
                <div className="muted">
                  {s.kind}
                  {s.description ? ` · ${s.description}` : ""}
                </div>
              </td>
              <td>{s.aliases.length ? s.aliases.join(", ") : <span className="muted">—</span>}</td>
              <td>
                <Tally pending={s.pending} corroborated={s.corroborated} contradicted={s.contradicted} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
