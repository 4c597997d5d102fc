"""``view_impact_report`` leaves the certificate's permissions: the ``impact``
app holds it now, and its migration 0002 moves every grant of it there."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0005_printed_name_refuses_bidi_controls"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="certificate",
            options={
                "ordering": ["-issued_at", "-pk"],
                "permissions": [
                    ("issue_certificate", "Can issue certificates"),
                    ("revoke_certificate", "Can revoke certificates"),
                ],
                "verbose_name": "certificate",
            },
        ),
    ]
