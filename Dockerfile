# OK v3 application image (web, worker, migrate). Front-end packages come from npm at build
# time; nothing third-party is committed.
FROM node:20-bookworm-slim AS assets
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM python:3.11-slim-bookworm
WORKDIR /app
COPY requirements.txt constraints.txt pyproject.toml ./
RUN pip install --no-cache-dir -r requirements.txt -c constraints.txt
COPY . .
COPY --from=assets /src/node_modules ./node_modules
RUN pip install --no-cache-dir --no-deps -e . \
 && OK_ENV=development OK_SECRET_KEY=build OK_JWT_SECRET=build-time-secret-not-used-at-runtime-000 \
    DATABASE_URL=postgresql://unused@localhost/unused flask --app web.wsgi assets build
USER nobody
EXPOSE 5000
# web/gunicorn_conf.py: configuration checked before workers start; access log to stdout with
# credentials (?access_token=, ...) redacted.
CMD ["gunicorn", "-c", "python:web.gunicorn_conf", "--bind", "0.0.0.0:5000", "web.wsgi:app"]
